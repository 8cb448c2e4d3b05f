using System.Globalization;
using System.IO.Compression;
using Cairn.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>
/// Loads ONS Postcode Directory rows (postcode, la_code, easting, northing) and the ONS local authority
/// lookup. An area can load a newer release at any time: rows are replaced, not duplicated.
/// </summary>
public sealed class PostcodeImporter(CairnDbContext db)
{
    /// <summary>District codes newer than the 2021 lookup (2023 reorganisations); each is its own upper tier.</summary>
    private static readonly (string Code, string Name)[] NewerAuthorities =
    [
        ("E06000063", "Cumberland"), ("E06000064", "Westmorland and Furness"), ("E06000065", "North Yorkshire"),
        ("E06000066", "Somerset"), ("E08000038", "Barnsley"), ("E08000039", "Sheffield"),
    ];

    public sealed record ImportResult(int Imported, int Skipped);

    public async Task<ImportResult> ImportAsync(string path, IReadOnlySet<string>? onlyAuthorities, Action<int>? progress,
        CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using (stream)
        {
            return await ImportAsync(stream, onlyAuthorities, progress, cancellationToken);
        }
    }

    public async Task<ImportResult> ImportAsync(Stream csv, IReadOnlySet<string>? onlyAuthorities, Action<int>? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(csv);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is null || !header.StartsWith("postcode,", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("Expected a header line starting 'postcode,la_code,easting,northing'.");
        }

        var imported = 0;
        var skipped = 0;
        var read = 0;
        var batch = new Dictionary<string, PostcodeEntry>(StringComparer.Ordinal);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            read++;
            var parts = line.Split(',');
            if (parts.Length < 4 || !Postcode.TryParse(parts[0], out var postcode, out _)
                || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var easting)
                || !int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var northing))
            {
                skipped++;
                continue;
            }

            if (onlyAuthorities is not null && !onlyAuthorities.Contains(parts[1]))
            {
                continue;
            }

            batch[postcode.ToString()] = new PostcodeEntry
            {
                Postcode = postcode.ToString(),
                LocalAuthorityCode = parts[1],
                Easting = easting,
                Northing = northing,
            };
            if (batch.Count == 5_000)
            {
                imported += await SaveBatchAsync(batch, cancellationToken);
                progress?.Invoke(read);
            }
        }

        imported += await SaveBatchAsync(batch, cancellationToken);
        progress?.Invoke(read);
        return new ImportResult(imported, skipped);
    }

    private async Task<int> SaveBatchAsync(Dictionary<string, PostcodeEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var keys = batch.Keys.ToList();
        await db.Postcodes.Where(p => keys.Contains(p.Postcode)).ExecuteDeleteAsync(cancellationToken);
        db.Postcodes.AddRange(batch.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>Loads the ONS lower-tier to upper-tier lookup (FID, LTLA21CD, LTLA21NM, UTLA21CD, UTLA21NM) plus the newer codes.</summary>
    public async Task<int> ImportLocalAuthoritiesAsync(Stream csv, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(csv);
        await reader.ReadLineAsync(cancellationToken);
        var rows = new Dictionary<string, LocalAuthority>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = SplitCsv(line);
            if (parts.Count >= 5)
            {
                rows[parts[1]] = new LocalAuthority { Code = parts[1], Name = parts[2], UpperTierCode = parts[3], UpperTierName = parts[4] };
            }
        }

        foreach (var (code, name) in NewerAuthorities)
        {
            rows[code] = new LocalAuthority { Code = code, Name = name, UpperTierCode = code, UpperTierName = name };
        }

        await db.LocalAuthorities.ExecuteDeleteAsync(cancellationToken);
        db.LocalAuthorities.AddRange(rows.Values);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Splits one CSV line, honouring double quotes (names such as "Bristol, City of" contain commas).</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    /// <summary>The demo and test subset shipped inside Cairn.</summary>
    public async Task ImportShippedSubsetAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(PostcodeImporter).Assembly;
        await using (var authorities = assembly.GetManifestResourceStream("local-authorities.csv")!)
        {
            await ImportLocalAuthoritiesAsync(authorities, cancellationToken);
        }

        await using var postcodes = assembly.GetManifestResourceStream("demo-postcodes.csv")!;
        await ImportAsync(postcodes, null, null, cancellationToken);
    }

    /// <summary>Finds where a postcode is, or null when it is not in the loaded directory.</summary>
    public static async Task<PostcodeLocation?> LocateAsync(CairnDbContext db, Postcode postcode, CancellationToken cancellationToken)
    {
        var key = postcode.ToString();
        return await db.Postcodes.AsNoTracking().Where(p => p.Postcode == key)
            .Select(p => new PostcodeLocation(p.LocalAuthorityCode, p.Easting, p.Northing)).FirstOrDefaultAsync(cancellationToken);
    }
}
