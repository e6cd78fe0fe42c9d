!include no_such_file.i
