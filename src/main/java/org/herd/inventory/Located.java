package org.herd.inventory;

/**
 * A piece of text from an inventory file and where it was written: a node-set expression, a name.
 *
 * @param text the text
 * @param position where it starts
 */
record Located(String text, Position position) {
  @Override
  public String toString() {
    return text;
  }
}
