// The only engine entry for the page and its stores (lint-enforced): types, and light pure
// helpers (validation, templates, share links, dates). Generation stays behind the worker.
export type { Kpi } from './analysis/compare';
export type { ConformanceRow } from './analysis/conformance';
export { SMALL_COUNT, type CorrelationReport } from './analysis/correlation';
export type { Distribution, DistributionRequest, TimeSeriesRequest } from './analysis/distribution';
export { OTHER } from './analysis/distribution';
export type { TenantElasticity } from './analysis/elasticity';
export type { StockPoint, InventoryCheck, InventoryReport } from './analysis/inventory';
export type { AttributionReport } from './analysis/attribution';
export type { LifecycleReport } from './analysis/lifecycle';
export type { CohortPriceElasticity } from './analysis/priceElasticity';
export type { ColumnSummary, TableSummary } from './analysis/summary';
export { BROWSER_MEMORY_BUDGET, canWriteInParts, estimateInventoryRows, estimateRunBytes, estimateRunRows, estimateTotalRows, formatGiB } from './estimate';
export { EXPORT_FORMATS, type ExportFormatId } from './export/formats';
export type { Progress } from './generate';
export { eventStartMs, eventWindows } from './model/events';
export { jaffleFaults } from './modules/jaffle/faults';
export { corruptionPreset } from './quality/presets';
export { minEigenvalue, nearestCorrelation } from './random/copula';
export type { ScenarioIssue } from './scenario/errors';
export { makeEvent } from './scenario/eventDefaults';
export { controlsThatApply, tablesOnOffer } from './scenario/applies';
export { CUSTOM_KINDS, DISTRIBUTION_FAMILIES, FAMILY_PARAMS, WORD_LISTS, type CustomColumn, type CustomKind, type DistributionFamily, type DistributionParams } from './scenario/customColumns';
export { groupingColumns, knownGroupValues, readableColumns } from './custom/plan';
export { EXPRESSION_FUNCTIONS } from './custom/expression';
export { migrate } from './scenario/migrate';
export {
  CHURN_RISKS,
  COMMERCE_TABLES,
  EVENT_SHAPES,
  EVENT_TYPES,
  FAULT_KINDS,
  JAFFLE_ANOMALY_KINDS,
  MAX_DAYS,
  LIFECYCLE_TABLES,
  MIX_KINDS,
  SNAPSHOT_GRANULARITIES,
  TABLE_NAMES,
  TENANT_TABLES,
  type EventType,
  type FaultKind,
  type JaffleAnomalyKind,
  type MixKind,
  type Scenario,
  type ScenarioEvent,
  type Segment,
  type SnapshotGranularity,
  type TableName,
  type Tenant,
} from './scenario/schema';
export { decodeShareFragment, encodeShareFragment } from './scenario/shareLink';
export { rebalance } from './scenario/shares';
export { TEMPLATES, buildTemplate } from './scenario/templates';
export { CHURN_SIZES, withChurnSize, type ChurnSize } from './scenario/templates/churn';
export { INVENTORY_SIZES, inventorySizeOf, withInventorySize, type InventorySize } from './scenario/templates/inventory';
export { locationCount } from './scenario/sections';
export { demoTenants } from './scenario/templates/weather';
export { parseScenarioText, validateScenario } from './scenario/validate';
export { DISK_RUNS_FOLDER } from './session/protocol';
export type { ComparisonOutcome, DiskRunOutcome, DiskRunPart, DiskRunResult, ExportedBlob, FaultView, PreviewOutcome, PreviewScope, ResultTableIPC, RunResult } from './session/protocol';
export type { ReportId, Reports } from './session/reports';
export type { ResultSource } from './session/session';
export { MS_PER_DAY, MS_PER_HOUR, dayNumber, isoDay, isoTimestamp } from './time';
