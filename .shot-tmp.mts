import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
await p.goto("file:///tmp/out-a/bericht.html");
await p.waitForTimeout(4000);
for (const id of ["nachbarschaft", "nachvollziehbarkeit", "bedarf-angebot"]) {
  const el = await p.$(`#${id}`);
  await el!.screenshot({ path: `/tmp/shot-${id}.png` });
}
await b.close();
