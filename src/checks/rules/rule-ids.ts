/**
 * Every rule ID, in the order of the rule table (Kong's seven recommendations, live sources,
 * then the secrets rule and the suppression rule). IDs are API: never renumber, only append.
 */
export const RULE_IDS: readonly string[] = ['KBP1', 'KBP2', 'KBP3', 'KBP4', 'KBP5', 'KBP6', 'KBP7', 'KBP8', 'KBPS1', 'KBPX1'];
