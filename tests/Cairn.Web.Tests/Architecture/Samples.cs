// Deliberate breaches of the shape, compiled into the test assembly only, so the architecture test can show that it
// catches each kind (a test that never fails proves nothing). Nothing here runs.
namespace Cairn.Web.Tests.Architecture
{
    public static class SampleShapes
    {
        public const string Root = "Cairn.Web.Tests.Architecture.Samples";
    }
}

namespace Cairn.Web.Tests.Architecture.Samples.Features.Cases.OpenCase
{
    public sealed class OpenCaseHandler
    {
        private readonly int _opened = 1;

        public int Open() => _opened;
    }
}

namespace Cairn.Web.Tests.Architecture.Samples.Features.Cases.CloseCase
{
    /// <summary>A slice calling its sibling: forbidden.</summary>
    public sealed class SidewaysHandler(Cases.OpenCase.OpenCaseHandler open)
    {
        public int Close() => open.Open();
    }

    /// <summary>A slice using its own area's root: allowed.</summary>
    public sealed class AllowedHandler
    {
        private readonly int _closed = 1;

        public int Close() => _closed + Cases.CaseRules.Limit();
    }
}

namespace Cairn.Web.Tests.Architecture.Samples.Features.Cases
{
    public static class CaseRules
    {
        public static int Limit() => 3;
    }

    /// <summary>An area root using a slice: forbidden.</summary>
    public static class AreaHelper
    {
        public static int Open() => new OpenCase.OpenCaseHandler().Open();
    }
}

namespace Cairn.Web.Tests.Architecture.Samples.Background
{
    /// <summary>Work that happens later calling a feature: forbidden.</summary>
    public static class Sweep
    {
        public static int Run() => new Features.Cases.OpenCase.OpenCaseHandler().Open();
    }
}
