using Gongkai.Bench;

return args switch
{
    ["import", .. var rest] => ImportSpeed.Run(rest),
    ["tables", .. var rest] => await ApplicationTablesSpeed.RunAsync(rest),
    ["search", .. var rest] => await ItemSearchSpeed.RunAsync(rest),
    ["rollup", .. var rest] => await RollUpSpeed.RunAsync(rest),
    ["fuzz", .. var rest] => FuzzReaders.Run(rest),
    ["forms", .. var rest] => await FuzzForms.RunAsync(rest),
    ["pdfworker", .. var rest] => PdfWorkerSpeed.Run(rest),
    ["plaintext", .. var rest] => await Plaintext.RunAsync(rest),
    ["portal", .. var rest] => await PortalSpeed.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Gongkai.Bench -- import <folder of .txt reports> [--seconds N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- tables [--provider sqlite|postgres] [--applications N] [--agencies N] [--keep]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- search [--provider sqlite|postgres] [--items N] [--agencies N] [--queries N] [--text FOLDER] [--keep]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- rollup [--provider sqlite|postgres] [--applications N] [--items N] [--agencies N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- fuzz [--inputs N] [--seed S] [--kinds text,html,docx,pdf] [--reports DIR] [--pdf DIR] [--failures DIR] [--worker] | --replay FILE --kinds KIND [--worker]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- forms --url http://127.0.0.1:PORT [--inputs N] [--seed S] [--parallel N] [--user U --password P] [--failures DIR]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- pdfworker --file F.pdf [--reads N] [--pause MS]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- portal [--site DIR[,DIR…]] [--seconds N] [--rounds N] [--warm-up N]   (needs wrk; DIR a Release build of Gongkai.Web)");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Gongkai.Bench -- plaintext [--urls URL]");
    return 2;
}
