// The CLI's help text and the sentences for file-system failures, kept apart from main.ts.
import { EXPORT_FORMAT_IDS, TABLE_NAMES, TEMPLATES } from '../engine';

export const USAGE = `Usage: npm run generate -- [options]

  --template ID        start from a template (${TEMPLATES.map((t) => t.id).join(', ')}); default baseline
  --scenario FILE      start from a scenario JSON file instead
  --seed N             root seed
  --set FIELD=VALUE    override any scenario field (repeatable): days=10, calendar.start=2024-06-01,
                       cohorts.0.share=30 (shares must still sum to 100)
  --discount PCT       set every event's discount (as the flash-sale generator's --discount 60)
  --duration D         set every event's duration: 8h, 90m, 2d or hours
  --intensity X        set every event's peak traffic multiplier
  --size S             size preset: small, medium or large (churn_feature_store);
                       development or large (inventory_retail)
  --corruption PCT     the churn feature-store data-quality preset: PCT/2 % null and PCT/2 % impossible
                       ages, PCT % negative amounts; every fault listed in dq_faults
  --continue MANIFEST  continue the run of that manifest.json by --days more days:
                       ids go on, customers keep their state; write the increment only
  --days N             days to add with --continue
  --tables A,B         tables to write (${TABLE_NAMES.join(', ')})
  --format F           ${EXPORT_FORMAT_IDS.join('|')}; default csv
  --out DIR            output folder; default out/
  --split-tenants      multi-tenant tables go into one folder per tenant
  --by-day             one folder per day (day=YYYY-MM-DD), each a complete increment
  --partitions N       cut the days into N ranges…
  --partition K        …and generate only range K (0-based); default: the environment's
                       JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), else 0
  --layout hive        write table=T/part=K/T.ext folders and _manifests/part=K.json (see docs/scale-out.md)
  --merge DIR          join the parts a --layout hive run wrote in DIR into one dataset in --out
  --stream N           write a whole run in N parts one after another (memory holds one part);
                       chosen by itself when a run is estimated above 768 MiB
  --workers N          worker threads for a whole run (default: cores − 1, at least 1); same bytes for any N
  --quiet              no progress on stderr
  --help, -h`;

/** File-system failures a user can meet, in a sentence each (E115). */
export const FS_ERRORS: Record<string, string> = {
  EEXIST: 'a file stands where the output folder should be',
  ENOTDIR: 'the output folder is under a file, not a folder',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'a file or folder name is too long',
  ELOOP: 'the path loops through symbolic links',
};
