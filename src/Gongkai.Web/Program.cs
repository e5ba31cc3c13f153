var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGongkaiWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseGongkaiPipeline();
app.Run();

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
