#!/usr/bin/env node
import { runCli } from "./main.js";

const code = await runCli(process.argv.slice(2));
// `serve` keeps the process alive through its server; every other command ends with its code.
if (code !== 0) process.exit(code);
