/** The name under which the worker registers its one method (shared by the pool and the worker). */
export const RUN_JOB_METHOD = "runJob";
