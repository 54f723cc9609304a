output "app_public_ip" {
  description = "Public IP of the app host (bot console on port 80)."
  value       = aws_instance.app.public_ip
}

output "app_private_ip" {
  description = "Private IP of the app host; put it in config/aws_targets.json."
  value       = aws_instance.app.private_ip
}

output "monitoring_public_ip" {
  description = "Public IP of the monitoring host (Grafana on 3000, Prometheus on 9090)."
  value       = aws_instance.monitoring.public_ip
}

output "records_bucket" {
  description = "S3 bucket for the bot's records (SCO_S3_BUCKET)."
  value       = aws_s3_bucket.records.bucket
}

output "bot_role_arn" {
  description = "IAM role the bot runs under."
  value       = aws_iam_role.bot.arn
}

output "token_parameters" {
  description = "SSM parameters holding the generated tokens (read with aws ssm get-parameter --with-decryption)."
  value       = {
    web_token          = aws_ssm_parameter.web_token.name
    alertmanager_token = aws_ssm_parameter.alertmanager_token.name
    grafana_admin      = aws_ssm_parameter.grafana_admin.name
  }
}
