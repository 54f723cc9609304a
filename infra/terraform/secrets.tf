# Tokens shared by the two hosts live in SSM Parameter Store (SecureString), not in user data, which
# anyone with ec2:DescribeInstanceAttribute can read. Keep the Terraform state in an encrypted backend.
resource "random_password" "web_token" {
  length  = 40
  special = false
}

resource "random_password" "alertmanager_token" {
  length  = 40
  special = false
}

resource "random_password" "grafana_admin" {
  length  = 24
  special = false
}

resource "aws_ssm_parameter" "web_token" {
  name  = "/${var.name}/web-token"
  type  = "SecureString"
  value = random_password.web_token.result
}

resource "aws_ssm_parameter" "alertmanager_token" {
  name  = "/${var.name}/alertmanager-token"
  type  = "SecureString"
  value = random_password.alertmanager_token.result
}

resource "aws_ssm_parameter" "grafana_admin" {
  name  = "/${var.name}/grafana-admin-password"
  type  = "SecureString"
  value = random_password.grafana_admin.result
}
