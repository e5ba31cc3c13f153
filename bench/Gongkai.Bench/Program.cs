using Gongkai.Bench;

return args switch
{
    ["import", .. var rest] => ImportSpeed.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Gongkai.Bench -- import <folder of .txt reports> [--seconds N]");
    return 2;
}
