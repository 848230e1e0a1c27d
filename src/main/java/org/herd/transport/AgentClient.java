package org.herd.transport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of {@code ssh-agent} over its UNIX-domain socket ({@code SSH_AUTH_SOCK}), using the
 * JDK's own UNIX-domain sockets (JDK 16+) instead of MINA's native-library agent client.
 *
 * <p>It speaks the two requests authentication needs (draft-miller-ssh-agent): list identities and
 * sign. One connection per authentication, closed when MINA closes the agent.
 */
final class AgentClient implements SshAgent {
  private static final byte FAILURE = 5;
  private static final byte REQUEST_IDENTITIES = 11;
  private static final byte IDENTITIES_ANSWER = 12;
  private static final byte SIGN_REQUEST = 13;
  private static final byte SIGN_RESPONSE = 14;
  private static final int RSA_SHA2_256 = 2;
  private static final int RSA_SHA2_512 = 4;
  private static final int MAX_MESSAGE = 256 * 1024;

  private final SocketChannel channel;
  private final Predicate<PublicKey> allowed;

  private AgentClient(SocketChannel channel, Predicate<PublicKey> allowed) {
    this.channel = channel;
    this.allowed = allowed;
  }

  /**
   * Connects to the agent.
   *
   * @param allowed which of the agent's keys to offer (all, or only those of the IdentityFiles when
   *     IdentitiesOnly is set)
   */
  static AgentClient connect(Path socket, Predicate<PublicKey> allowed) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new AgentClient(channel, allowed);
  }

  @Override
  public synchronized Iterable<? extends Map.Entry<PublicKey, String>> getIdentities()
      throws IOException {
    Buffer answer = request(message(REQUEST_IDENTITIES));
    byte type = answer.getByte();
    if (type != IDENTITIES_ANSWER) {
      throw new SshException("ssh-agent refused to list identities (answer " + type + ")");
    }
    int count = answer.getInt();
    if (count < 0 || count > 4096) {
      throw new SshException("ssh-agent sent a bad identity count: " + count);
    }
    List<Map.Entry<PublicKey, String>> identities = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] blob = answer.getBytes();
      String comment = answer.getString();
      PublicKey key;
      try {
        key = new ByteArrayBuffer(blob).getRawPublicKey();
      } catch (SshException | RuntimeException unsupported) {
        continue; // a key type MINA does not know (a security key, a certificate): skip it
      }
      if (allowed.test(key)) {
        identities.add(new SimpleImmutableEntry<>(key, comment));
      }
    }
    return identities;
  }

  @Override
  public synchronized Map.Entry<String, byte[]> sign(
      SessionContext session, PublicKey key, String algorithm, byte[] data) throws IOException {
    Buffer request = message(SIGN_REQUEST);
    request.putPublicKey(key);
    request.putBytes(data);
    int flags = 0;
    if ("rsa-sha2-256".equals(algorithm)) {
      flags = RSA_SHA2_256;
    } else if ("rsa-sha2-512".equals(algorithm)) {
      flags = RSA_SHA2_512;
    }
    request.putInt(flags);
    Buffer answer = request(request);
    byte type = answer.getByte();
    if (type != SIGN_RESPONSE) {
      throw new SshException(
          type == FAILURE ? "ssh-agent refused to sign" : "bad ssh-agent answer " + type);
    }
    Buffer signature = new ByteArrayBuffer(answer.getBytes());
    String signedWith = signature.getString();
    return new SimpleImmutableEntry<>(signedWith, signature.getBytes());
  }

  @Override
  public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints)
      throws IOException {
    throw new IOException("herd never adds keys to ssh-agent");
  }

  @Override
  public void removeIdentity(PublicKey key) throws IOException {
    throw new IOException("herd never removes keys from ssh-agent");
  }

  @Override
  public void removeAllIdentities() throws IOException {
    throw new IOException("herd never removes keys from ssh-agent");
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static Buffer message(byte type) {
    Buffer buffer = new ByteArrayBuffer();
    buffer.putInt(0);
    buffer.putByte(type);
    return buffer;
  }

  private Buffer request(Buffer message) throws IOException {
    int end = message.wpos();
    message.wpos(0);
    message.putInt(end - 4);
    message.wpos(end);
    ByteBuffer out = ByteBuffer.wrap(message.array(), message.rpos(), end - message.rpos());
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer length = ByteBuffer.allocate(4);
    readFully(length);
    int size = length.flip().getInt();
    if (size <= 0 || size > MAX_MESSAGE) {
      throw new SshException("bad ssh-agent message length " + size);
    }
    ByteBuffer body = ByteBuffer.allocate(size);
    readFully(body);
    return new ByteArrayBuffer(body.array());
  }

  private void readFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new SshException("ssh-agent closed the connection");
      }
    }
  }
}
