using System.IO.Compression;
using Cairn.Domain;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Returns.ExportSsda903;

/// <summary>An exported 903: the year, the zip of its CSVs (one per table, in the DfE's layout) and the rows in each table.</summary>
public sealed record Ssda903Export(CollectionYear Year, IReadOnlyList<(string Name, byte[] Content)> Files, IReadOnlyDictionary<string, int> Rows)
{
    /// <summary>The files in one zip, in the layout's table order.</summary>
    public byte[] Zip => ExportSsda903Handler.Zip(Files);

    public string FileName => $"ssda903_{Year.FileSuffix}.zip";
}

/// <summary>
/// Exports the area's 903 for a collection year from the record (issue #19; L41, L44), for the page, the API and the command
/// line. Each export is audited as <c>returns.ssda903.export</c> with the year and the rows per table — never a name.
/// </summary>
public sealed class ExportSsda903Handler(Ssda903RecordHandler record, ReturnsAccessHandler access, AuditLog audit, CairnDbContext db,
    CurrentUser user)
{
    public const string AuditAction = "returns.ssda903.export";

    /// <summary>The signed-in professional's export of their area's return.</summary>
    public async Task<Handled<Ssda903Export>> ExportAsync(string? yearText, CancellationToken cancellationToken)
    {
        if (!await access.MayUseAsync(cancellationToken))
        {
            return ReturnsAccessHandler.Refused;
        }

        if (ReturnsAccessHandler.ParseYear(yearText, out var year) is { } invalid)
        {
            return invalid;
        }

        return await ExportAsync(user.AreaId, year, "web", cancellationToken);
    }

    /// <summary>
    /// The export itself, for the area given: the command line calls this directly (whoever runs it on the server already holds the
    /// database). <paramref name="via"/> says how it was asked for, in the audit.
    /// </summary>
    public async Task<Ssda903Export> ExportAsync(AreaId area, CollectionYear year, string via, CancellationToken cancellationToken)
    {
        var built = await record.BuildAsync(area, year, cancellationToken);
        var export = new Ssda903Export(year, Ssda903Writer.Files(built.Return), built.Return.Tables.ToDictionary(t => t.Key, t => t.Value.Count));
        audit.Record(AuditAction, null, "ssda903", null, detail: $"{year.Label} via {via}: {built.RowCounts}");
        await db.SaveChangesAsync(cancellationToken);
        return export;
    }

    /// <summary>One CSV per table (<see cref="Ssda903Writer"/>) in a zip, in the layout's table order.</summary>
    public static byte[] Zip(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var writer = entry.Open();
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}

public sealed class ExportSsda903Endpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/returns/ssda903/{year}", GetAsync)
            .WithName("ExportSsda903")
            .WithSummary("The area's SSDA903 (looked-after children) return for a collection year, named by the year it ends in (2026 = "
                         + "2025/26): a zip of one CSV per table in the DfE's layout. Safeguarding leads in children's social care only; "
                         + "audited with the row counts.")
            .WithTags("Returns");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> GetAsync(string year,
        ExportSsda903Handler handler, CancellationToken cancellationToken)
    {
        var handled = await handler.ExportAsync(year, cancellationToken);
        return handled.As switch
        {
            HandledAs.Done => TypedResults.File(handled.Value!.Zip, "application/zip", handled.Value.FileName),
            HandledAs.Refused => handled.Refusal!.Kind == RefusalKind.Invalid ? handled.Refusal.ToProblem() : handled.Refusal.ToStatusProblem(),
            _ => TypedResults.NotFound(),
        };
    }
}
