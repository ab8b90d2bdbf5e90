// GET /export/hazards.xlsx|csv|pdf, /export/shelters.xlsx|csv|pdf and /export/shelters-template.xlsx:
// the ledgers as files, under the same bearer token and scope as GraphQL, streamed as they are
// read so that a million-row ledger needs no more memory than a page.
import { PassThrough, Readable } from "node:stream";
import { type Database, schema, type Viewer } from "@renfang/schema";
import { DomainError, ValidationError } from "@renfang/schema/errors";
import { enumLabels } from "@renfang/schema/sheets/labels";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { checkPdfSize, exportFileName, planExport, writeExport } from "./excel/export.ts";
import { type ExportKind, parseExportParams } from "./excel/params.ts";
import { contentTypes, type SheetFormat } from "./excel/sheet-writer.ts";
import { templateWorkbook } from "./excel/template.ts";

export interface ExportPluginOptions {
  database: Database;
  /** The viewer a request's bearer token names, by the same rules as GraphQL (throws for a bad token). */
  viewer: (request: Request) => Promise<Viewer>;
  /** The clock ("today" for overdue days and the title row). @default () => new Date() */
  now?: () => Date;
  /** Where failures of a running export are logged. @default none */
  logger?: Logger;
}

const route = /^\/export\/(?:(hazards|shelters)\.(xlsx|csv|pdf)|(shelters-template)\.xlsx)$/;

/** attachment; filename=English fallback; filename*=the UTF-8 (Chinese) name (RFC 6266). */
function disposition(name: string, fallback = name): string {
  const ascii = fallback.replace(/[^\x20-\x7e]+/g, "_").replace(/"/g, "");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function errorResponse(fetchAPI: { Response: typeof Response }, err: unknown): Response {
  let status = 500;
  let extensions: Record<string, unknown> = { code: "INTERNAL_SERVER_ERROR" };
  let message = "export failed";
  if (err instanceof GraphQLError) {
    status = (err.extensions.http as { status?: number } | undefined)?.status ?? 400;
    ({ message, extensions } = { message: err.message, extensions: { code: err.extensions.code } });
  } else if (err instanceof DomainError) {
    status = err instanceof ValidationError ? 400 : err.code === "FORBIDDEN" ? 403 : 400;
    message = err.message;
    extensions = { code: err.code, ...(err instanceof ValidationError ? { field: err.field, rule: err.rule } : {}) };
  }
  return fetchAPI.Response.json({ errors: [{ message, extensions }] }, { status });
}

export function useExport(options: ExportPluginOptions): Plugin {
  const labels = enumLabels(schema);
  const now = options.now ?? (() => new Date());
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = route.exec(url.pathname);
      if (!match) return;
      if (request.method !== "GET") {
        endResponse(
          fetchAPI.Response.json({ errors: [{ message: "use GET" }] }, { status: 405, headers: { allow: "GET" } }),
        );
        return;
      }
      try {
        const viewer = await options.viewer(request);
        const today = now();
        const lang = url.searchParams.get("lang")?.toLowerCase().startsWith("en") ? "en" : "zh";
        if (match[3]) {
          const counties = await options.database.prisma.region.findMany({
            where: { level: "COUNTY" },
            orderBy: { code: "asc" },
            include: { parent: true },
          });
          const body = await templateWorkbook({
            labels,
            lang,
            counties: counties.map((c) => ({ code: c.code, name: c.name, cityName: c.parent?.name ?? "" })),
          });
          const name = lang === "en" ? "shelters-template.xlsx" : "人防工程普查导入模板.xlsx";
          endResponse(
            new fetchAPI.Response(body as BodyInit, {
              headers: {
                "content-type": contentTypes.xlsx,
                "content-disposition": disposition(name, "shelters-template.xlsx"),
              },
            }),
          );
          return;
        }
        const [kind, format] = [match[1] as ExportKind, match[2] as SheetFormat];
        const ctx = {
          prisma: options.database.prisma,
          provider: options.database.provider,
          viewer,
          now: today,
          labels,
        };
        const plan = planExport(ctx, parseExportParams(kind, url.searchParams, labels));
        await checkPdfSize(plan, format);
        const out = new PassThrough();
        // Headers go now; rows follow as pages are read. A failure midway cuts the download
        // (the client sees an incomplete file, never a complete-looking wrong one).
        writeExport(ctx, plan, format, out).catch((err) => {
          options.logger?.error({ err, path: url.pathname }, "export failed");
          out.destroy(err);
        });
        const headers = {
          "content-type": contentTypes[format],
          "content-disposition": disposition(
            exportFileName(plan.params, format, today, viewer),
            exportFileName({ ...plan.params, lang: "en" }, format, today, viewer),
          ),
          "cache-control": "no-store",
        };
        endResponse(new fetchAPI.Response(Readable.toWeb(out) as ReadableStream, { headers }));
      } catch (err) {
        if (!(err instanceof GraphQLError || err instanceof DomainError))
          options.logger?.error({ err }, "export failed");
        endResponse(errorResponse(fetchAPI, err));
      }
    },
  };
}
