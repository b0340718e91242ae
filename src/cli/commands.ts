import type { Command } from "commander";
import { registerAnalyseCommand } from "./analyse.js";
import { registerIndexCommand } from "./index-command.js";
import { registerCheckCommand } from "./check.js";
import { registerInitCommand } from "./init.js";

/** Registers every subcommand. Each subcommand module exports one `register…` function. */
export function registerCommands(program: Command): void {
  registerAnalyseCommand(program);
  registerIndexCommand(program);
  registerInitCommand(program);
  registerCheckCommand(program);
}
