//lambdalint:file-ignore processexit nothing here exits any more // want `this directive suppresses no processexit finding in this file`

package suppress

func helper() int { return 1 }
