// Placeholder until the CLI lands: prints the version.
console.log('staffwork 0.1.0');
