using Gongkai.Bench;

return args switch
{
    ["import", .. var rest] => ImportSpeed.Run(rest),
    ["tables", .. var rest] => await ApplicationTablesSpeed.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Gongkai.Bench -- import <folder of .txt reports> [--seconds N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- tables [--provider sqlite|postgres] [--applications N] [--agencies N] [--keep]");
    return 2;
}
