import "server-only";
import { errorResponse } from "@/lib/errors";

/** Wraps a route handler so every thrown error becomes the standard JSON error with the right status. */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
