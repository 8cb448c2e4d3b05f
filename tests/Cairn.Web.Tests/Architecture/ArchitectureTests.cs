using System.Reflection;
using Cairn.Web.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Tests.Architecture;

/// <summary>
/// The shape of Cairn.Web (decision record 0011), checked over the compiled assembly so that it holds as the code grows:
/// work that happens later, data, security, auditing and notifications depend on no feature; a slice
/// (<c>Features.Area.Slice</c>) uses no other slice, only area roots and shared code; a screen (a page model or its view)
/// may call the slices of its own area; area roots and shared code use no slice.
/// </summary>
public class ArchitectureTests
{
    private static readonly Lazy<IReadOnlyList<string>> WebViolations =
        new(() => ShapeRules.Violations(typeof(Handled<>).Assembly, "Cairn.Web"));

    [Fact]
    public void Data_background_security_auditing_and_notifications_depend_on_no_feature() =>
        NoneOf(ShapeRules.FoundationRule);

    [Fact]
    public void No_slice_uses_another_slice() =>
        NoneOf(ShapeRules.SliceRule);

    [Fact]
    public void Area_roots_and_shared_code_use_no_slice() =>
        NoneOf(ShapeRules.RootRule);

    [Fact]
    public void The_rules_see_the_features_they_check()
    {
        // Guards the guard: if the walker stopped seeing references, the three tests above would pass on anything.
        var references = TypeReferences.Of(typeof(Handled<>).Assembly);
        var viewShare = references.Single(r => r.Key.FullName == "Cairn.Web.Features.Shares.ViewShare.ViewShareModel");
        Assert.Contains(viewShare.Value, t => t.FullName == "Cairn.Web.Features.Shares.ConfirmReceipt.ConfirmReceiptHandler");
        Assert.Contains(viewShare.Value, t => t.FullName == "Cairn.Web.Features.Problems");
    }

    [Fact]
    public void A_slice_that_uses_its_sibling_is_caught()
    {
        var violations = ShapeRules.Violations(typeof(ArchitectureTests).Assembly, SampleShapes.Root);

        Assert.Contains(violations, v => Is(v, ShapeRules.SliceRule, "Sideways"));
        Assert.Contains(violations, v => Is(v, ShapeRules.FoundationRule, "Sweep"));
        Assert.Contains(violations, v => Is(v, ShapeRules.RootRule, "AreaHelper"));
        Assert.DoesNotContain(violations, v => v.Contains("Allowed", StringComparison.Ordinal));
    }

    /// <summary>Fails listing every breach of the rule, one a line, so the message says what to move.</summary>
    private static void NoneOf(string rule)
    {
        var breaches = WebViolations.Value.Where(v => v.StartsWith(rule, StringComparison.Ordinal)).ToList();
        Assert.True(breaches.Count == 0, string.Join(Environment.NewLine, breaches));
    }

    private static bool Is(string violation, string rule, string type) =>
        violation.StartsWith(rule, StringComparison.Ordinal) && violation.Contains(type, StringComparison.Ordinal);
}

/// <summary>The rules of decision record 0011 as namespace tests over <see cref="TypeReferences"/>.</summary>
public static class ShapeRules
{
    public const string FoundationRule = "foundation uses a feature";
    public const string SliceRule = "slice uses another slice";
    public const string RootRule = "area root or shared code uses a slice";

    private static readonly string[] Foundations = ["Data", "Background", "Security", "Auditing", "Notifications"];

    /// <summary>Every reference that breaks a rule, as "rule: from -> to".</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, string root)
    {
        var features = root + ".Features";
        var violations = new List<string>();
        foreach (var (type, used) in TypeReferences.Of(assembly))
        {
            var place = TypeReferences.PlaceOf(type);
            if (!place.StartsWith(root + ".", StringComparison.Ordinal) && place != root)
            {
                continue;
            }

            foreach (var target in used.Where(t => Within(t.Namespace, features)))
            {
                var rule = Broken(place, type, target.Namespace!, root, features);
                if (rule is not null)
                {
                    violations.Add($"{rule}: {type.FullName} -> {target.FullName}");
                }
            }
        }

        return violations;
    }

    private static string? Broken(string place, Type type, string target, string root, string features)
    {
        if (Foundations.Any(f => Within(place, $"{root}.{f}")))
        {
            return FoundationRule;
        }

        if (!Within(place, features))
        {
            return null;
        }

        var from = Segments(place, features);
        var to = Segments(target, features);
        if (to.Length < 2)
        {
            return null;
        }

        if (from.Length < 2)
        {
            return RootRule;
        }

        if (from[0] == to[0] && from[1] == to[1])
        {
            return null;
        }

        var isScreen = typeof(PageModel).IsAssignableFrom(type) || type.Namespace != place;
        return isScreen && from[0] == to[0] ? null : SliceRule;
    }

    private static bool Within(string? name, string prefix) =>
        name is not null && (name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static string[] Segments(string name, string prefix) =>
        name.Length > prefix.Length ? name[(prefix.Length + 1)..].Split('.') : [];
}
