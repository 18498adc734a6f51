// Placeholder until the CLI's worker pool lands.
export {};
