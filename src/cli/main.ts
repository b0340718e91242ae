#!/usr/bin/env node
import { Command } from "commander";
import { VERSION } from "../version.js";
import { registerCommands } from "./commands.js";
import { germanCommander } from "./germanCommander.js";

/** The `sozialraum` command line. Each subcommand lives in its own file and calls the same library functions. */
export function buildProgram(): Command {
  const program = new Command();
  germanCommander(program)
    .name("sozialraum")
    .description("Sozialraumanalyse: Indikatoren, Standardisierung, Auffälligkeiten, Indizes und Berichte")
    .version(VERSION, "-V, --version", "Version anzeigen");
  registerCommands(program);
  return program;
}

// Run only when executed as a script, not when imported by tests.
const invokedDirectly = process.argv[1] && /(^|[\\/])(main\.(js|ts)|sozialraum)$/.test(process.argv[1]);
if (invokedDirectly) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`sozialraum: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
