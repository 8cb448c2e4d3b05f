using Cairn.Domain.Search;

namespace Cairn.Domain.Tests.Search;

public class NameVariantsTests
{
    [Theory]
    [InlineData("liz", "elizabeth", "Elizabeth", VariantKind.Short)]
    [InlineData("elizabeth", "liz", "Elizabeth", VariantKind.Short)]
    [InlineData("liz", "beth", "Elizabeth", VariantKind.Short)]
    [InlineData("kasia", "katarzyna", "Katarzyna", VariantKind.Short)]
    [InlineData("mo", "mohammed", "Mohammed", VariantKind.Short)]
    [InlineData("muhammad", "mohamed", "Mohammed", VariantKind.Spelling)]
    [InlineData("malgosia", "malgorzata", "Malgorzata", VariantKind.Short)]
    [InlineData("huang", "wong", "Huang", VariantKind.Spelling)]
    public void The_shipped_list_relates_short_forms_and_spellings(string a, string b, string name, VariantKind kind)
    {
        Assert.Equal(new NameVariant(name, kind), NameVariants.Shipped.Relate(a, b));
    }

    [Theory]
    [InlineData("liz", "liz")]
    [InlineData("liz", "mohammed")]
    [InlineData("nobody", "elizabeth")]
    public void Unrelated_or_identical_names_are_not_variants(string a, string b)
    {
        Assert.Null(NameVariants.Shipped.Relate(a, b));
    }

    [Fact]
    public void An_area_adds_its_own_rows_and_the_shipped_list_is_unchanged()
    {
        var area = NameVariants.Shipped.With(["Tyrone,Ty,short,Caribbean", "not a row", "Bad,Row,unknown,x"]);

        Assert.Equal(new NameVariant("Tyrone", VariantKind.Short), area.Relate("ty", "tyrone"));
        Assert.Equal(new NameVariant("Elizabeth", VariantKind.Short), area.Relate("liz", "elizabeth"));
        Assert.Null(NameVariants.Shipped.Relate("ty", "tyrone"));
        Assert.Contains("tyrone", area.RelatedTo("ty"));
    }

    [Fact]
    public void Every_shipped_row_parses_into_a_group()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "names", "name-variants.csv")).Skip(1)
            .Where(l => l.Length > 0).ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var columns = row.Split(',');
            Assert.Equal(4, columns.Length);
            var name = NameText.Fold(columns[0]);
            foreach (var form in columns[1].Split(' '))
            {
                Assert.NotNull(NameVariants.Shipped.Relate(NameText.Fold(form), name));
            }
        }
    }
}
