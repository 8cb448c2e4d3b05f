using Cairn.Domain.Casework;

namespace Cairn.Web.Features.Proceedings;

/// <summary>The words the proceedings pages use.</summary>
public static class ProceedingsWords
{
    public static string Kind(ProceedingsKind kind) => kind == ProceedingsKind.PreProceedings ? "Pre-proceedings" : "Care proceedings";
}
