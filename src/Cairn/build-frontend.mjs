// Compiles Styles/cairn.scss against GOV.UK Frontend and copies its script and images into wwwroot.
// Run by the MSBuild target in Cairn.csproj; skips work when outputs are newer than inputs.
import { compileAsync, NodePackageImporter } from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
const www = join(here, "wwwroot");

mkdirSync(join(www, "css"), { recursive: true });
mkdirSync(join(www, "lib"), { recursive: true });
mkdirSync(join(www, "assets"), { recursive: true });

const result = await compileAsync(join(here, "Styles", "cairn.scss"), {
  style: "compressed",
  importers: [new NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(www, "css", "cairn.css"), result.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(www, "lib", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets", "images"), join(www, "assets", "images"), { recursive: true });
console.log("cairn frontend: built wwwroot/css/cairn.css");
