// Command dyad reads news and says who did what to whom. See the README
// and `dyad help`.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"dyad/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(cli.Code(err))
}

// run runs the command line and reports a failure on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	err := cli.Run(ctx, args, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", err)
	}
	return err
}
