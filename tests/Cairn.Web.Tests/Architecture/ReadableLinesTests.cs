namespace Cairn.Web.Tests.Architecture;

/// <summary>
/// No line in the sources a person reads (C#, Razor and the feature READMEs under <c>src/</c>) is over 150 characters;
/// the migrations EF generates are left as generated. Wide README tables are written as lists.
/// </summary>
public class ReadableLinesTests
{
    private const int Longest = 150;

    [Fact]
    public void No_line_in_src_is_over_150_characters()
    {
        var files = SourceFiles();
        Assert.True(files.Count > 300, $"only {files.Count} source files found under src/: the walk is not seeing the tree");

        var tooLong = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Length > Longest)
            .Select(l => $"{Path.GetRelativePath(Root(), l.file)}:{l.number} ({l.line.Length} characters)")
            .ToList();

        Assert.True(tooLong.Count == 0, "lines over 150 characters:\n" + string.Join('\n', tooLong));
    }

    private static List<string> SourceFiles()
    {
        var src = Path.Combine(Root(), "src");
        string[] kinds = [".cs", ".cshtml", ".md"];
        return Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => kinds.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" || part.StartsWith("Cairn.Migrations.", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>The repository's root: the nearest folder above the test binaries holding <c>Cairn.slnx</c>.</summary>
    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cairn.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cairn.slnx not found above " + AppContext.BaseDirectory);
    }
}
