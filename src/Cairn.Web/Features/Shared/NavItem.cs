namespace Cairn.Web.Features.Shared;

public sealed record NavItem(string Href, string Text, bool Current);
