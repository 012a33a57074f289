// npm run bench -- --live-only: the live designer's figures alone (edit-to-view latency, long tasks).
import { measureLiveEdits } from './browser';
import { buildTemplate } from '../src/engine/scenario/templates';

export async function printLiveEdits(only?: string): Promise<void> {
  console.log('\nlive designer in Chromium at 1280×800 (built app, 1 worker; 20 seed edits 250 ms apart, then a burst of 20 edits 30 ms apart):');
  for (const [id, target] of [['baseline', 200], ['inventory_retail', 500], ['churn_feature_store', 500]] as const) {
    if (only && only !== id) continue;
    const f = await measureLiveEdits(buildTemplate(id));
    console.log(
      `${id.padEnd(20)} edit → updated view: median ${f.medianMs.toFixed(0)} ms, worst ${f.worstMs.toFixed(0)} ms (target ${target} ms)   longest main-thread task ${f.longestTaskMs.toFixed(0)} ms; in the burst ${f.burstLongestTaskMs.toFixed(0)} ms (target ≤ 50); burst's last edit → view ${f.burstSettleMs.toFixed(0)} ms`,
    );
  }
}

const at = process.argv.indexOf('--live-only');
if (at >= 0) await printLiveEdits(process.argv[at + 1]);
