using System.Text;
using Attune.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error, Console.In, Terminal.Detect());
