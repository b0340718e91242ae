import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { germanCommanderMessage } from "../../src/cli/germanCommander.js";

/** Runs the CLI's commander program without exiting; returns what it wrote to stdout and stderr. */
async function run(args: string[]): Promise<{ out: string; err: string; code: string | undefined }> {
  const program = buildProgram();
  let out = "";
  let err = "";
  const capture = (cmd: typeof program): void => {
    cmd.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
    for (const c of cmd.commands) capture(c);
  };
  capture(program);
  let code: string | undefined;
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (e) {
    code = (e as { code?: string }).code;
  }
  return { out, err, code };
}

describe("sozialraum CLI speaks German (help and commander's errors)", () => {
  it("--help: Aufruf, Optionen, Befehle, Hilfe and Version anzeigen", async () => {
    const { out } = await run(["--help"]);
    expect(out).toMatch(/^Aufruf: sozialraum \[Optionen\] \[Befehl\]\n/);
    expect(out).toContain("\nOptionen:\n");
    expect(out).toContain("\nBefehle:\n");
    expect(out).toMatch(/-V, --version +Version anzeigen/);
    expect(out).toMatch(/-h, --help +Hilfe anzeigen/);
    expect(out).toMatch(/help \[befehl\] +Hilfe für Befehl anzeigen/);
    expect(out).not.toMatch(/Usage|Options:|Commands:|display help|output the version|\[options\]/);
  });

  it.each(["analyse", "index", "check", "init"])("%s --help is German", async (command) => {
    const { out } = await run([command, "--help"]);
    expect(out).toMatch(new RegExp(`^Aufruf: sozialraum ${command} \\[Optionen\\]`));
    expect(out).toMatch(/-h, --help +Hilfe anzeigen/);
    expect(out).not.toMatch(/Usage|Options:|Arguments:|display help|\(default:|choices:|\[options\]/);
  });

  it("index --help shows German defaults and choices", async () => {
    const { out } = await run(["index", "--help"]);
    expect(out).toMatch(/Mittelwert \(Werte: "unweighted", "weighted",\s+Standard: "unweighted"\)/);
    expect(out).toContain("Argumente:\n  tabelle");
  });

  it("commander's errors are German", async () => {
    expect((await run(["--nope"])).err).toBe("Fehler: unbekannte Option '--nope'\n(Hilfe mit --help)\n");
    expect((await run(["anlyse"])).err).toBe("Fehler: unbekannter Befehl 'anlyse'\n(Meinten Sie analyse?)\n(Hilfe mit --help)\n");
    expect((await run(["init"])).err).toBe("Fehler: das Argument 'dateien' fehlt\n(Hilfe mit --help)\n");
    expect((await run(["index", "x.csv"])).err).toBe("Fehler: die Pflichtoption '--id <spalte>' fehlt\n(Hilfe mit --help)\n");
    expect((await run(["check", "--config"])).err).toBe("Fehler: der Option '-c, --config <datei>' fehlt der Wert\n(Hilfe mit --help)\n");
    expect((await run(["check", "a"])).err).toBe("Fehler: zu viele Argumente für 'check': erwartet 0, erhalten 1.\n(Hilfe mit --help)\n");
    const bad = await run(["index", "x.csv", "--id", "k", "--indicators", "a", "--out", "o.csv", "--scheme", "nope"]);
    expect(bad.err).toBe("Fehler: der Wert 'nope' der Option '--scheme <schema>' ist ungültig. Erlaubt sind: berlin-mss-status, berlin-mss-dynamic.\n(Hilfe mit --help)\n");
    expect(bad.code).toBe("commander.invalidArgument");
  });

  it("germanCommanderMessage keeps unknown messages and translates suggestions", () => {
    expect(germanCommanderMessage("something else\n")).toBe("something else\n");
    expect(germanCommanderMessage("error: unknown option '--confg'\n(Did you mean --config?)\n")).toBe("Fehler: unbekannte Option '--confg'\n(Meinten Sie --config?)\n");
    expect(germanCommanderMessage("error: unknown command 'x'\n(Did you mean one of a, b?)")).toBe("Fehler: unbekannter Befehl 'x'\n(Meinten Sie eine davon: a, b?)");
  });
});
