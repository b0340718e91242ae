import type { Command } from "commander";

/** Registers every subcommand. Each subcommand module exports one `register…` function. */
export function registerCommands(program: Command): void {
  void program;
}
