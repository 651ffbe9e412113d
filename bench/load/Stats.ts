/** What a load target's server answers to the driver's "stats" message (bench/load/server.ts → bench/load.ts). */
export interface Stats {
  statements: number;
  maxRssMb: number;
  rssMb: number;
  cpuSeconds: number;
  memory: { s: number; rssMb: number; heapMb: number }[];
}
