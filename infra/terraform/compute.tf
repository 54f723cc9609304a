# Amazon Linux 2023, resolved at plan time from the public SSM parameter.
data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_instance" "app" {
  ami                    = data.aws_ssm_parameter.al2023.value
  instance_type          = var.app_instance_type
  subnet_id              = aws_subnet.public[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.bot.name
  key_name               = var.key_name

  user_data = templatefile("${path.module}/templates/app-user-data.sh.tftpl", {
    region          = var.region
    bot_image       = var.bot_image
    bucket          = aws_s3_bucket.records.bucket
    web_token_param = aws_ssm_parameter.web_token.name
    am_token_param  = aws_ssm_parameter.alertmanager_token.name
  })
  user_data_replace_on_change = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name                  = "${var.name}-app"
    (var.managed_tag_key) = "true"
  }
}

resource "aws_instance" "monitoring" {
  ami                    = data.aws_ssm_parameter.al2023.value
  instance_type          = var.monitoring_instance_type
  subnet_id              = aws_subnet.public[var.public_subnet_count > 1 ? 1 : 0].id
  vpc_security_group_ids = [aws_security_group.monitoring.id]
  iam_instance_profile   = aws_iam_instance_profile.monitoring.name
  key_name               = var.key_name

  user_data = templatefile("${path.module}/templates/monitoring-user-data.sh.tftpl", {
    region         = var.region
    repo_url       = var.repo_url
    app_private_ip = aws_instance.app.private_ip
    am_token_param = aws_ssm_parameter.alertmanager_token.name
    grafana_param  = aws_ssm_parameter.grafana_admin.name
  })
  user_data_replace_on_change = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name                  = "${var.name}-monitoring"
    (var.managed_tag_key) = "true"
  }
}
