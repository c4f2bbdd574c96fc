"""What the pages show: the data rendered as Markdown and HTML, and the steps that change the built pages."""
