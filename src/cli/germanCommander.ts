import { Help, type Command } from "commander";

/** Help section titles of commander, in German. */
const TITLES: Record<string, string> = {
  "Usage:": "Aufruf:",
  "Arguments:": "Argumente:",
  "Options:": "Optionen:",
  "Global Options:": "Globale Optionen:",
  "Commands:": "Befehle:",
};

/**
 * commander's own error messages (unknown option or command, missing argument or value, invalid choice, too many
 * arguments), in German. Messages that match none of the patterns are returned unchanged.
 *
 * @example
 * germanCommanderMessage("error: unknown option '--nope'\n") // "Fehler: unbekannte Option '--nope'\n"
 */
export function germanCommanderMessage(text: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^error: unknown option '([^']*)'/, "Fehler: unbekannte Option '$1'"],
    [/^error: unknown command '([^']*)'/, "Fehler: unbekannter Befehl '$1'"],
    [/^error: missing required argument '([^']*)'/, "Fehler: das Argument '$1' fehlt"],
    [/^error: option '([^']*)' argument missing/, "Fehler: der Option '$1' fehlt der Wert"],
    [/^error: required option '([^']*)' not specified/, "Fehler: die Pflichtoption '$1' fehlt"],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\./, "Fehler: der Wert '$2' der Option '$1' ist ungültig."],
    [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, "Fehler: der Wert '$1' des Arguments '$2' ist ungültig."],
    [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, "Fehler: zu viele Argumente für '$1': erwartet $2, erhalten $3."],
    [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, "Fehler: zu viele Argumente: erwartet $1, erhalten $2."],
    [/^error: (.*) cannot be used with (.*)$/m, "Fehler: $1 kann nicht zusammen mit $2 verwendet werden"],
    [/Allowed choices are (.*)\./, "Erlaubt sind: $1."],
    [/\(Did you mean one of (.*)\?\)/, "(Meinten Sie eine davon: $1?)"],
    [/\(Did you mean (.*)\?\)/, "(Meinten Sie $1?)"],
    [/^error: /, "Fehler: "],
  ];
  let out = text;
  for (const [pattern, german] of rules) out = out.replace(pattern, german);
  return out;
}

/** "[options]" and "[command]" of a usage line, in German. */
function germanUsage(usage: string): string {
  return usage.replace("[options]", "[Optionen]").replace("[command]", "[Befehl]");
}

/** commander's "(default: …)", "(choices: …)" after a description, in German. */
function germanExtra(description: string): string {
  return description.replace(/\(([^()]*)\)$/, (all, inner: string) =>
    /(^|, )(default|choices|preset|env): /.test(inner)
      ? `(${inner.replace(/(^|, )default: /, "$1Standard: ").replace(/(^|, )choices: /, "$1Werte: ").replace(/(^|, )preset: /, "$1Vorgabe: ").replace(/(^|, )env: /, "$1Umgebungsvariable: ")})`
      : all,
  );
}

/**
 * Makes `program` and every subcommand added to it afterwards speak German: help titles ("Aufruf:", "Optionen:",
 * "Befehle:"), the help option and help command, "(Standard: …)" and commander's own errors. Call before adding
 * subcommands (they inherit these settings).
 */
export function germanCommander(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage: (cmd: Command) => germanUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd: Command) => germanUsage(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      optionDescription: (option) => germanExtra(Help.prototype.optionDescription.call(new Help(), option)),
      argumentDescription: (argument) => germanExtra(Help.prototype.argumentDescription.call(new Help(), argument)),
    })
    .helpOption("-h, --help", "Hilfe anzeigen")
    .helpCommand("help [befehl]", "Hilfe für Befehl anzeigen")
    .showHelpAfterError("(Hilfe mit --help)")
    .configureOutput({ outputError: (text, write) => write(germanCommanderMessage(text)) });
}
