//lambdalint:file-ignore processexit this file is a one-shot migration tool's handler

package suppress

import (
	"context"
	"log"
)

func migrate(ctx context.Context) error {
	log.Fatal("done") // suppressed by the file-wide directive
	return nil
}
