export type { ReportSection, ReportTable, TableColumn } from "./section.js";
