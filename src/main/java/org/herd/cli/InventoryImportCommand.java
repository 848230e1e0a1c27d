package org.herd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.herd.inventory.InventoryFormat;
import org.herd.inventory.InventoryImport;
import org.herd.inventory.InventoryLocator;
import org.herd.inventory.InventoryRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd inventory import SOURCE}: converts an Ansible inventory or a ClusterShell group file
 * into a herd.yaml that means the same.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Convert an Ansible inventory or ClusterShell group file to herd.yaml.",
      "The source must check cleanly; the result declares the same hosts, settings and groups."
    })
final class InventoryImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SOURCE",
      converter = PathConverter.Name.class,
      description = "ansible:FILE (INI, or YAML by extension) or clush:FILE.")
  String source;

  @Option(
      names = {"-o", "--output"},
      converter = PathConverter.Name.class,
      paramLabel = "FILE",
      description = "Write herd.yaml to FILE instead of standard output.")
  String output;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    InventoryRef ref =
        new InventoryLocator(context.env(), context.workingDirectory())
            .parse(source, "inventory import");
    if (ref.format() == InventoryFormat.HERD) {
      throw new UserError(
          "inventory import: "
              + source
              + ": say what it is: ansible:"
              + source
              + " or clush:"
              + source);
    }
    String yaml = InventoryImport.toHerdYaml(ref);
    if (output == null) {
      context.out().print(yaml);
      return ExitCode.OK.code();
    }
    Path target = context.resolve(output);
    if (Files.exists(target) && !force) {
      throw new UserError("inventory import: " + output + ": exists; use --force to overwrite it");
    }
    Files.writeString(target, yaml);
    context.out().println("wrote " + output + " from " + ref);
    return ExitCode.OK.code();
  }
}
