/**
 * Vernetzung: the cooperation network of facilities and local actors per Sozialraum (readers for akteure.csv
 * and kooperationen.csv, per-area measures, "auffällig, aber kaum vernetzt").
 * @module
 */
export { ACTOR_KINDS, parseActors, readActors } from "./readActors.js";
export type { Actor, ActorOptions } from "./readActors.js";
export { parseCooperations, readCooperations } from "./readCooperations.js";
export type { Cooperation } from "./readCooperations.js";
export { cooperationNetwork } from "./cooperationNetwork.js";
export type { CooperationNetwork, CooperationNetworkInput, NetworkAreaRow, NetworkEdge, NetworkFacility, NetworkNode } from "./cooperationNetwork.js";
export { conspicuousPoorlyNetworked } from "./conspicuousPoorlyNetworked.js";
export type { PoorlyNetworkedOptions, PoorlyNetworkedResult, PoorlyNetworkedRow } from "./conspicuousPoorlyNetworked.js";
