// The key the benchmark's server and its load generator share; only ever used on loopback.
export const benchSecret = "bench-secret-bench-secret-bench-secret-0";
