/**
 * Sozialraumtypen and monitoring across years: PCA, varimax, hierarchical clustering, k-means, silhouette,
 * bootstrap stability, type profiles, class transitions and persistence. Computation only.
 * @module typology
 */
export { principalComponents, principalComponentsOfMatrix, componentsForShare } from "./principalComponents.js";
export type { PrincipalComponentsOptions, PrincipalComponentsResult } from "./principalComponents.js";
export { varimax } from "./varimax.js";
export type { VarimaxResult } from "./varimax.js";
export { euclideanDistances } from "./euclideanDistances.js";
export { hierarchicalClustering, hclustFromDistances } from "./hierarchicalClustering.js";
export type { Linkage, HierarchicalTree } from "./hierarchicalClustering.js";
export { cutTree } from "./cutTree.js";
export { kMeans } from "./kMeans.js";
export type { KMeansOptions, KMeansResult } from "./kMeans.js";
export { silhouette, silhouetteFromDistances } from "./silhouette.js";
export type { SilhouetteResult } from "./silhouette.js";
export { adjustedRandIndex } from "./adjustedRandIndex.js";
export { clusterStability } from "./clusterStability.js";
export type { ClusterStabilityOptions, ClusterStabilityEntry, ClusterStabilityResult } from "./clusterStability.js";
export { typeProfiles } from "./typeProfiles.js";
export type { ProfileEntry, TypeProfile } from "./typeProfiles.js";
export { sozialraumTypes } from "./sozialraumTypes.js";
export type { SozialraumTypesOptions, SozialraumTypeArea, SozialraumTypesResult } from "./sozialraumTypes.js";
export { classTransitions } from "./classTransitions.js";
export type { YearClasses, ClassTransitionTable } from "./classTransitions.js";
export { auffaelligPersistence } from "./auffaelligPersistence.js";
export type { AreaPersistence } from "./auffaelligPersistence.js";
