/** Service levels of seed 001's baseline: tickets, late deliveries, abandoned carts and returns per order. */
export const DEFAULT_SERVICE = {
  ticketsPerOrder: 0.06,
  lateSharePct: 10,
  abandonmentsPerOrder: 0.55,
  returnRatePct: 8,
  promiseDays: 3,
};

/**
 * Seed 001's target correlations between hourly orders, support tickets, delivery delays
 * and cart abandonments (positive definite).
 */
export const DEFAULT_CORRELATIONS = {
  matrix: [
    [1, 0.85, 0.72, -0.43],
    [0.85, 1, 0.91, -0.22],
    [0.72, 0.91, 1, -0.15],
    [-0.43, -0.22, -0.15, 1],
  ],
  hourlySigma: 0.3,
};

/** A cohort's price elasticity when a file predates them. */
export const DEFAULT_PRICE_ELASTICITY = -1.6;
