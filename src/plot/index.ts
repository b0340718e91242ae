export type { Figure } from "./figure.js";
