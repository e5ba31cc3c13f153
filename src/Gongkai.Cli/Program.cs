using Gongkai.Cli;

return await GongkaiCommand.RunAsync(args, Console.Out, Console.Error, Console.In);
