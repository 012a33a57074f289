import { ScenarioError } from '../errors';
import type { Scenario } from '../schema';
import { baselineTemplate } from './baseline';
import {
  customerSegmentsTemplate,
  flashSaleTemplate,
  multiChannelTemplate,
  paymentOutageTemplate,
  returnsWaveTemplate,
  seasonalPlanningTemplate,
  supplyDisruptionTemplate,
  viralMomentTemplate,
} from './suite';
import { churnFeatureStoreTemplate } from './churn';
import { inventoryRetailTemplate } from './inventory';
import { jaffleShopTemplate } from './jaffle';
import { weatherTenantsTemplate } from './weather';

export interface TemplateInfo {
  id: string;
  label: string;
  /** The scenario's story in one line, for the gallery card. */
  description: string;
  /** Key figures for the card. */
  figures: string[];
  build: () => Scenario;
}

/** The gallery. A template is a function that returns a scenario; register new ones here. */
export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'baseline',
    label: 'Baseline store',
    description: 'An ordinary month: steady traffic from four generational cohorts.',
    figures: ['30 days', '2,500 orders/day', '10,000 customers'],
    build: baselineTemplate,
  },
  {
    id: 'flash_sale',
    label: 'Flash sale',
    description: 'Four frantic hours: 70% off electronics, traffic spikes about 8.4× and the payment gateway strains.',
    figures: ['a 4-hour sale in 7 days', '70% off electronics', '≈ 8.4× peak via price elasticity'],
    build: flashSaleTemplate,
  },
  {
    id: 'returns_wave',
    label: 'Returns wave',
    description: 'After the holidays, returns triple to 24% for two weeks and take longer to process.',
    figures: ['a 14-day wave in 42 days', '24% returns (normally 8%)', '1.2× traffic'],
    build: returnsWaveTemplate,
  },
  {
    id: 'supply_disruption',
    label: 'Supply disruption',
    description: "The primary supplier falters: 35 SKUs run on 60% backup capacity and orders dip.",
    figures: ['a 14-day disruption in 42 days', '35 SKUs', '60% backup', '0.8× traffic'],
    build: supplyDisruptionTemplate,
  },
  {
    id: 'payment_outage',
    label: 'Payment outage',
    description: 'The gateway goes down for two hours: orders collapse, payments fail, carts are abandoned, tickets pour in.',
    figures: ['a 2-hour outage in 7 days', '−80% orders', '75% failures', '3.5× abandonment', '3× tickets'],
    build: paymentOutageTemplate,
  },
  {
    id: 'viral_moment',
    label: 'Viral moment',
    description: 'A skincare set goes viral: demand grows exponentially until its 500 units are gone.',
    figures: ['a 24-hour spike in 7 days', '2.5× traffic', '500-unit cap', '2× tickets'],
    build: viralMomentTemplate,
  },
  {
    id: 'customer_segments',
    label: 'Customer segments',
    description: 'Half a year in which Gen Z grows its share of orders by 15%.',
    figures: ['a 180-day drift', 'Gen Z +15%'],
    build: customerSegmentsTemplate,
  },
  {
    id: 'seasonal_planning',
    label: 'Seasonal planning',
    description: 'Back to school: 15% off electronics, clothing and books for two months, traffic 1.8×.',
    figures: ['a 60-day campaign in 90 days', '1.8× traffic', '15% off 3 categories'],
    build: seasonalPlanningTemplate,
  },
  {
    id: 'multi_channel',
    label: 'Multi-channel',
    description: 'A mobile app launches: 35% of customers migrate and other channels lose 15%.',
    figures: ['a 90-day launch in 120 days', '35% migrate', '15% cannibalisation', '1.18× traffic'],
    build: multiChannelTemplate,
  },
  {
    id: 'weather_tenants',
    label: 'Weather tenants',
    description: 'Four shops whose sales follow the weather, with known elasticities to recover.',
    figures: ['366 days', '4 tenants', '~107k orders', 'β truth in the manifest'],
    build: weatherTenantsTemplate,
  },
  {
    id: 'churn_feature_store',
    label: 'Churn feature store',
    description: 'Four customer segments live, buy, drift away and churn; labels follow a 60-day inactivity rule.',
    figures: ['1,000 customers (small)', '180 days', '15% churn', 'medium and large sizes'],
    build: () => churnFeatureStoreTemplate('small'),
  },
  {
    id: 'inventory_retail',
    label: 'Inventory retail',
    description: 'Fashion retail where every sale needs stock: weekly deliveries, stockouts that cost sales, returns back on the shelf.',
    figures: ['2,000 products × 50 locations', '90 days into peak season', '5-10% stockouts'],
    build: () => inventoryRetailTemplate('development'),
  },
  {
    id: 'jaffle_shop',
    label: 'Jaffle shop online',
    description: 'Sessions, ads and attribution over 30 days back, with a validation set that drifts where you say.',
    figures: ['~2,000 customers', '~15,000 orders', '~3,000 sessions', '~14,000 ad rows', 'day-by-day increments'],
    build: jaffleShopTemplate,
  },
];

export function buildTemplate(id: string): Scenario {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) {
    throw new ScenarioError([
      { code: 'E104', field: 'template', message: `unknown template "${id}" (known: ${TEMPLATES.map((x) => x.id).join(', ')})` },
    ]);
  }
  return t.build();
}
