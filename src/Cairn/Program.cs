using Cairn.Web;

// The one `cairn` binary: the web app by default, or a command (seed-demo, import-postcodes, verify-audit).
return await CairnHost.RunAsync(args);

/// <summary>Exposed so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
