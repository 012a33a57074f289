// The engine's public surface: what the worker, the CLI, the UI (types only) and tests use.
export { canWriteInParts, DISK_PART_BYTES, partsToFit, splitsByDay } from './estimate';
export { generate, generateSteps, estimateRangeBytes, estimateRunBytes, assertFitsMemory, partitionDays, MODULES, type GeneratedRun, type Progress, type PartitionOptions, type RunRange } from './generate';
export { continuation } from './continue';
export { corruptionPreset } from './quality/presets';
export { CHURN_SIZES, withChurnSize, type ChurnSize } from './scenario/templates/churn';
export { INVENTORY_SIZES, withInventorySize, type InventorySize } from './scenario/templates/inventory';
export { validateScenario, assertScenario, parseScenarioText, type Validation } from './scenario/validate';
export { scenarioSchema, SCHEMA_VERSION, TABLE_NAMES, MIX_KINDS, type Scenario, type Cohort, type Mix, type MixKind, type TableName } from './scenario/schema';
export { ScenarioError, formatIssue, ERROR_CODES, type ScenarioIssue, type ErrorCode } from './scenario/errors';
export { TEMPLATES, buildTemplate, type TemplateInfo } from './scenario/templates';
export { summarizeTable, type TableSummary, type ColumnSummary } from './analysis/summary';
export { sortOrder } from './analysis/sort';
export { toCSV } from './export/csv';
export { renumberFaults } from './export/faultsMerge';
export { sumFaultCounts } from './export/groundTruth';
export { parquetModule, type ParquetModule } from './export/parquetModule';
export { sha256Hex } from './export/hash';
export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, formatOf, isExportFormat, encodeTable, type ExportFormatId } from './export/formats';
export { drain } from './session/drain';
export { writeRunToDisk, type DiskTarget } from './session/diskRun';
export { assembleParts, partCount, partRequests, rangeTables, runParts, tableBuffers, type PartOutput, type PartRequest } from './session/parallel';
export {
  buildManifest,
  conformanceJSON,
  dayPartitions,
  exportBundle,
  exportByDay,
  exportFileName,
  exportRunFiles,
  exportTable,
  writtenFile,
  fileStamp,
  manifestJSON,
  zipBundle,
  type ExportFormat,
  type ExportedFile,
  type Manifest,
} from './export/bundle';
export { GENERATOR } from './version';
export { groundTruth } from './export/groundTruth';
export type { DataTable, Column } from './table';
export { applyOverride, applyEventOverrides, parseDurationHours } from './scenario/overrides';
export { rebalance } from './scenario/shares';
export { withCommas } from './scenario/fields';
export { splitByTenant, takeRows } from './table';
export { conformanceReport, type ConformanceRow } from './analysis/conformance';
export { isPositiveSemiDefinite, minEigenvalue } from './random/copula';
