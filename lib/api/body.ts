import "server-only";
import { AppError } from "@/lib/errors";

const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
}

/**
 * The raw body as text, counted while it streams: the read stops (and the stream is cancelled) at the first byte
 * past `maxBytes`, whether the client declared a Content-Length or sent it chunked. Never holds more than that.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Reads a small JSON object body; an empty body is `{}`. Malformed or huge bodies are 4xx, never 5xx. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const raw = await readBodyText(request, maxBytes);
  if (!raw.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("bad_request", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
